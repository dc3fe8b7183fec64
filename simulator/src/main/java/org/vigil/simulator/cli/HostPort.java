package org.vigil.simulator.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code host:port} pair as given on the command line. */
record HostPort(String host, int port) {

    static final class Converter implements ITypeConverter<HostPort> {

        @Override
        public HostPort convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not host:port");
            }
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new TypeConversionException("port out of range in '" + value + "'");
                }
                return new HostPort(value.substring(0, colon), port);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not host:port");
            }
        }
    }
}
