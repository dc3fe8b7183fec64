/**
 * Who may log in and what each role may do: HTTP Basic for API clients, the station's own login form and a CSRF
 * cookie for screens.
 */
package org.vigil.query.security;
