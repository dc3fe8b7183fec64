package org.vigil.query.config;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Names the JAXP {@code TransformerFactory} before Vigil starts, so that the JDK does not look it up among the
 * jars' service files at every start.
 *
 * <p>Spring MVC builds its XML message converters whenever JAXB is on the class path (Hibernate needs it for the
 * mapping files), and each asks the JDK for a new {@code TransformerFactory}, four times in a start. Without a name
 * the JDK reads every jar's {@code META-INF/services} entry with caching off, which opens the signed Saxon jar (the
 * FHIR validator's) afresh and checks its signature each time: 27 ms a lookup in a warmed-up test JVM, 0.3–0.7 ms
 * with the name. Saxon's factory is the one that lookup finds, the only provider on the class
 * path, so naming it changes which factory nobody gets. Left alone when Saxon is absent or a name is already set.
 * Registered in {@code META-INF/spring.factories}, so it runs for every start, from the jar or a test.
 */
public final class TransformerFactoryByName implements ApplicationListener<ApplicationStartingEvent> {

    static final String PROPERTY = "javax.xml.transform.TransformerFactory";
    static final String SAXON = "net.sf.saxon.TransformerFactoryImpl";

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        if (System.getProperty(PROPERTY) == null
                && ClassUtils.isPresent(SAXON, event.getSpringApplication().getClassLoader())) {
            System.setProperty(PROPERTY, SAXON);
        }
    }
}
