package dev.pulse.platform.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR Maven built, exactly as it ships; integration tests deploy this, not hand-picked classes. */
public final class PulseDeployment {

    private PulseDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("pulse.war", "target/pulse.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
