/**
 * Where decoded device reports leave the adapters: the DeviceReportSink the application implements to record them,
 * and the outcome it answers with. Knows no protocol and no transport.
 */
package org.vigil.adapters.ingest;
