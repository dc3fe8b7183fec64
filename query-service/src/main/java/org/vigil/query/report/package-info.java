/** A session's review as a PDF on A4: the summary figures and the vitals chart, with OpenPDF. */
package org.vigil.query.report;
