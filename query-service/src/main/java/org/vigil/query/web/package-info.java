/**
 * The nurses' station page's own endpoints: the login form and what the page needs before it shows anything.
 */
package org.vigil.query.web;
