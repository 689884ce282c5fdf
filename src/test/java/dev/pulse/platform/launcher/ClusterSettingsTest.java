package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final String PASSWORD = "correct horse battery staple";

    private static Optional<ClusterSettings> settings(Map<String, String> values) {
        return ClusterSettings.from(values::get);
    }

    private static Map<String, String> cluster(String name, String password, String members) {
        Map<String, String> values = new HashMap<>();
        values.put("PULSE_CLUSTER", "true");
        values.put("PULSE_CLUSTER_NAME", name);
        values.put("PULSE_CLUSTER_PASSWORD", password);
        values.put("PULSE_CLUSTER_MEMBERS", members);
        return values;
    }

    @Test
    void withoutPulseClusterThereIsNoCluster() {
        assertTrue(settings(Map.of()).isEmpty());
        assertTrue(settings(Map.of("PULSE_CLUSTER", "false", "PULSE_CLUSTER_NAME", "x")).isEmpty());
    }

    @Test
    void aClusterJoinsByTcpIpUnderANameThatCarriesThePassword() {
        ClusterSettings settings = settings(cluster("academy", PASSWORD, "10.0.0.5:5900, 10.0.0.6:5900")).orElseThrow();
        List<String> arguments = settings.payaraArguments();
        assertEquals(List.of("--clustername", settings.dataGridName(), "--clustermode", "tcpip:10.0.0.5:5900,10.0.0.6:5900"),
                arguments);
        assertTrue(settings.dataGridName().startsWith("academy-"));
        assertFalse(String.join(" ", arguments).contains(PASSWORD), "the password itself is never on the command line");
        assertFalse(String.join(" ", arguments).contains("multicast"));
    }

    @Test
    void membersWithAnotherPasswordGetAnotherDataGridName() {
        String ours = settings(cluster("academy", PASSWORD, "a:5900")).orElseThrow().dataGridName();
        String sameAgain = settings(cluster("academy", PASSWORD, "b:5901")).orElseThrow().dataGridName();
        String stranger = settings(cluster("academy", PASSWORD + "!", "a:5900")).orElseThrow().dataGridName();
        assertEquals(ours, sameAgain);
        assertNotEquals(ours, stranger);
    }

    @Test
    void aDataGridPortOfItsOwnIsPassedAsPayarasStartPort() {
        Map<String, String> values = cluster("academy", PASSWORD, "127.0.0.1:5901,127.0.0.1:5902");
        values.put("PULSE_CLUSTER_PORT", "5902");
        List<String> arguments = settings(values).orElseThrow().payaraArguments();
        assertEquals(List.of("--startport", "5902"), arguments.subList(arguments.size() - 2, arguments.size()));
        values.put("PULSE_CLUSTER_PORT", "70000");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> settings(values));
        assertTrue(refused.getMessage().contains("PULSE_CLUSTER_PORT"), refused.getMessage());
    }

    @Test
    void aClusterWithoutNamePasswordOrMembersIsRefusedNamingEachMissingSetting() {
        Map<String, String> bare = new HashMap<>(Map.of("PULSE_CLUSTER", "true"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> settings(bare));
        assertTrue(refused.getMessage().contains("PULSE_CLUSTER_NAME"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PULSE_CLUSTER_PASSWORD"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PULSE_CLUSTER_MEMBERS"), refused.getMessage());
    }

    @Test
    void aShortPasswordOrAMemberWithoutPortIsRefused() {
        IllegalArgumentException shortPassword = assertThrows(IllegalArgumentException.class,
                () -> settings(cluster("academy", "secret", "a:5900")));
        assertTrue(shortPassword.getMessage().contains("PULSE_CLUSTER_PASSWORD"));
        assertFalse(shortPassword.getMessage().contains("secret"), "the message never repeats the password");
        IllegalArgumentException noPort = assertThrows(IllegalArgumentException.class,
                () -> settings(cluster("academy", PASSWORD, "10.0.0.5")));
        assertTrue(noPort.getMessage().contains("PULSE_CLUSTER_MEMBERS"));
    }

    @Test
    void theSettingsNeverPrintThePassword() {
        assertFalse(settings(cluster("academy", PASSWORD, "a:5900")).orElseThrow().toString().contains(PASSWORD));
    }
}
