package org.vigil.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

class TransformerFactoryByNameTest {

    @Test
    void namesTheFactoryTheJdkFindsByLookingItUp() {
        // given
        String named = System.getProperty(TransformerFactoryByName.PROPERTY);
        System.clearProperty(TransformerFactoryByName.PROPERTY);
        try {
            // when
            TransformerFactory found = TransformerFactory.newInstance();

            // then
            assertThat(found.getClass().getName()).isEqualTo(TransformerFactoryByName.SAXON);
        } finally {
            if (named != null) {
                System.setProperty(TransformerFactoryByName.PROPERTY, named);
            }
        }
    }

    @Test
    void runsAtEveryStartOfTheApplication() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
                .hasAtLeastOneElementOfType(TransformerFactoryByName.class);
    }
}
