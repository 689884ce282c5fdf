package dev.pulse.telemetry;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a student spent on an asset, in microseconds (the precision of DRF's DurationField).
 * Read in every form DRF's DurationField reads: Django's "[DD [days, ]][[HH:]MM:]SS[.ffffff]"
 * ("5400" seconds, "30:00", "1 02:00:00", "1 day, 02:00:00", "01:30:00.5"; hours may exceed 24), or an
 * ISO 8601 duration without years or months ("PT1H30M", "P1DT2H", "P1W"). Always written back as
 * "HH:MM:SS" so every form round-trips to the same text. Years and months are refused because their
 * length depends on the calendar.
 */
public final class TotalTime {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** Django's standard duration form, as its parse_duration reads it (digits past a microsecond dropped). */
    private static final Pattern CLOCK = Pattern.compile(
            "(?:(-?\\d+) (?:days?, )?)?([-+]?)(?:(\\d+):(?=\\d+:\\d+))?(?:(\\d+):)?(\\d+)(?:[.,](\\d{1,6})\\d{0,6})?");
    private static final Pattern ISO = Pattern.compile(
            "([-+]?)P(?:([-+]?\\d+)W)?(?:([-+]?\\d+)D)?(?:T(?:([-+]?\\d+)H)?(?:([-+]?\\d+)M)?(?:([-+]?\\d+)(?:[.,](\\d{1,9}))?S)?)?");

    private TotalTime() {
    }

    /** The duration in microseconds, possibly negative; empty when the text is in neither format. */
    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            Matcher clock = CLOCK.matcher(value);
            if (clock.matches()) {
                BigInteger micros = part(clock.group(3), 3_600).add(part(clock.group(4), 60)).add(part(clock.group(5), 1))
                        .multiply(big(MICROS_PER_SECOND))
                        .add(big(fractionMicros(clock.group(6))));
                // as Django: the sign belongs to the clock part; the days carry their own
                BigInteger days = part(clock.group(1), 86_400).multiply(big(MICROS_PER_SECOND));
                return fit(days.add("-".equals(clock.group(2)) ? micros.negate() : micros));
            }
            Matcher iso = ISO.matcher(value.toUpperCase(Locale.ROOT));
            if (iso.matches() && hasComponent(iso, value.toUpperCase(Locale.ROOT))) {
                BigInteger seconds = part(iso.group(2), 7 * 86_400)
                        .add(part(iso.group(3), 86_400))
                        .add(part(iso.group(4), 3_600))
                        .add(part(iso.group(5), 60))
                        .add(part(iso.group(6), 1));
                BigInteger micros = seconds.multiply(big(MICROS_PER_SECOND));
                if (iso.group(7) != null) {
                    // the fraction goes the way of the seconds it belongs to
                    long fraction = fractionMicros(iso.group(7));
                    micros = iso.group(6).startsWith("-") ? micros.subtract(big(fraction)) : micros.add(big(fraction));
                }
                return fit("-".equals(iso.group(1)) ? micros.negate() : micros);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** "HH:MM:SS", with ".ffffff" only when there is a fraction of a second (as DRF does). */
    public static String format(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("a total time is never negative: " + micros);
        }
        long seconds = micros / MICROS_PER_SECOND;
        long fraction = micros % MICROS_PER_SECOND;
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        return fraction == 0 ? clock : clock + String.format(Locale.ROOT, ".%06d", fraction);
    }

    /** "P" or "PT" alone match the pattern but name no duration. */
    private static boolean hasComponent(Matcher iso, String value) {
        for (int group = 2; group <= 6; group++) {
            if (iso.group(group) != null) {
                return !value.endsWith("T");
            }
        }
        return false;
    }

    private static BigInteger part(String number, long unitSeconds) {
        return number == null ? BigInteger.ZERO : new BigInteger(number.startsWith("+") ? number.substring(1) : number)
                .multiply(big(unitSeconds));
    }

    private static long fractionMicros(String digits) {
        if (digits == null) {
            return 0;
        }
        String six = (digits + "000000").substring(0, 6); // finer than a microsecond is dropped
        return Long.parseLong(six);
    }

    private static Optional<Long> fit(BigInteger micros) {
        return micros.bitLength() < 63 ? Optional.of(micros.longValue()) : Optional.empty();
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
