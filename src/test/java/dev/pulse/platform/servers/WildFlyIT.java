package dev.pulse.platform.servers;

/** The unchanged WAR on WildFly, provisioned from Maven by wildfly-maven-plugin. */
class WildFlyIT extends ServerSmoke {

    @Override
    DeployedPulse deploy() throws Exception {
        return WildFly.start();
    }
}
