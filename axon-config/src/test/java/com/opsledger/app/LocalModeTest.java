package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Local mode runs with published secrets, so it must not be reachable from other machines by default. */
class LocalModeTest {

    @Test
    void localModeListensOnLoopbackOnly() throws IOException {
        List<PropertySource<?>> local = new YamlPropertySourceLoader().load("local",
                new ClassPathResource("application-local.yml"));
        assertThat(local).singleElement().satisfies(source ->
                assertThat(source.getProperty("server.address")).isEqualTo("127.0.0.1"));
    }
}
