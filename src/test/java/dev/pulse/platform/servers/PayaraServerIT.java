package dev.pulse.platform.servers;

/** The unchanged WAR on Payara Server 6 (asadmin create-domain, start-domain, deploy). */
class PayaraServerIT extends ServerSmoke {

    @Override
    DeployedPulse deploy() throws Exception {
        return PayaraServer.start();
    }
}
