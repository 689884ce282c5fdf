package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress a Caliper event reports to the groups' activity aggregate. */
class CaliperProgressSourceTest {

    @Test
    void finishedOrSuccessfulEventsMeanComplete() {
        assertEquals(100.0, CaliperProgressSource.progressOf("{\"object\":{\"finished\":true,\"percentReading\":10}}"));
        assertEquals(100.0, CaliperProgressSource.progressOf("{\"object\":{\"finished\":\"TRUE\"}}"));
        assertEquals(100.0, CaliperProgressSource.progressOf("{\"object\":{\"completionType\":\"SUCCESSFULL\"}}"));
    }

    @Test
    void otherwiseThePercentReadingCountsAndNothingMeansZero() {
        assertEquals(40.0, CaliperProgressSource.progressOf(
                "{\"object\":{\"finished\":false,\"completionType\":\"ONGOING\",\"percentReading\":40}}"));
        assertEquals(55.5, CaliperProgressSource.progressOf("{\"object\":{\"percentReading\":\"55.5\"}}"));
        assertEquals(100.0, CaliperProgressSource.progressOf("{\"object\":{\"percentReading\":250}}"));
        assertEquals(0.0, CaliperProgressSource.progressOf("{\"object\":{\"completionType\":\"FAILURE\"}}"));
        assertEquals(0.0, CaliperProgressSource.progressOf("{\"object\":{\"percentReading\":\"lots\"}}"));
        assertEquals(0.0, CaliperProgressSource.progressOf("not json"));
        assertEquals(0.0, CaliperProgressSource.progressOf("[]"));
    }
}
