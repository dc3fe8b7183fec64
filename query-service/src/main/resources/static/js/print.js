// A button marked data-print prints its page (the REMS form): a script file, as the content security policy
// runs no inline handler.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-print]').forEach((button) => {
    button.addEventListener('click', () => window.print());
  });
});
