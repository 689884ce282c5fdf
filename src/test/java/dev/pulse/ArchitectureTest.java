package dev.pulse;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package boundaries of the shipped code. Features are packages of their own; each may use
 * {@code platform} (what every feature shares) and {@code identity} (accounts, academies, tokens), and
 * nothing of another feature, so a feature can change without reading the others. {@code identity}
 * stands on {@code platform} alone, and {@code platform} on no feature: where platform needs a
 * feature's knowledge it declares a port that the feature implements.
 */
class ArchitectureTest {

    static final String FEATURES = "activity, caliper, telemetry, groups, live";

    private static JavaClasses shipped;

    @BeforeAll
    static void importShippedClasses() {
        shipped = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pulse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"activity", "caliper", "telemetry", "groups", "live"})
    void aFeatureUsesOnlyPlatformIdentityItselfAndLibraries(String feature) {
        classes().that().resideInAPackage("dev.pulse." + feature + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.pulse..").or(resideInAnyPackage(
                        "dev.pulse." + feature + "..", "dev.pulse.platform..", "dev.pulse.identity..")))
                .because("features (" + FEATURES + ") meet only in platform and identity")
                .check(shipped);
    }

    @Test
    void identityUsesOnlyPlatformAndLibraries() {
        classes().that().resideInAPackage("dev.pulse.identity..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.pulse..")
                        .or(resideInAnyPackage("dev.pulse.identity..", "dev.pulse.platform..")))
                .check(shipped);
    }

    @Test
    void platformUsesNoFeature() {
        classes().that().resideInAPackage("dev.pulse.platform..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.pulse..")
                        .or(resideInAnyPackage("dev.pulse.platform..")))
                .because("platform is what every feature shares; it reaches features only through ports they implement")
                .check(shipped);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.pulse.(*)..").should().beFreeOfCycles().check(shipped);
    }

    @Test
    void resourcesLeavePersistenceToServices() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .because("a resource is thin: the service owns the rules and the transaction")
                .check(shipped);
    }

    @Test
    void entitiesRenderNoJson() {
        noClasses().that().areAnnotatedWith(Entity.class)
                .should().dependOnClassesThat(describe("are JSON-P or JSON-B types",
                        c -> c.getPackageName().startsWith("jakarta.json")))
                .because("an entity carries its invariants; the API's JSON is the resource's business")
                .check(shipped);
    }

    @Test
    void jsonIsBuiltThroughTheOneProvider() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("jakarta.json.Json")
                .because("each Json.createXxx call looks the provider up again (a ServiceLoader scan of the WAR"
                        + " unless the JVM names one): use JsonBodies.provider(), looked up once")
                .check(shipped);
    }
}
