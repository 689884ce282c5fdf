package dev.pulse.platform.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every resource declares its {@link Family}, and every URL it serves lies in that family's path space,
 * so the declaration that picks the error envelope of a matched request and the path rule that picks
 * it for an unmatched one (a 404 under the same prefix) never disagree.
 */
class ResourceFamilyTest {

    private static final ArchRule EVERY_RESOURCE_DECLARES_THE_FAMILY_OF_ITS_PATHS = classes()
            .that().areAnnotatedWith(Path.class)
            .should(declareTheFamilyOfTheirPaths())
            .because("the error envelope of a matched request comes from @Family, of an unmatched one from the path");

    @Test
    void everyResourceDeclaresTheFamilyOfItsPaths() {
        JavaClasses shipped = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pulse");
        EVERY_RESOURCE_DECLARES_THE_FAMILY_OF_ITS_PATHS.check(shipped);
    }

    @Test
    void aMissingOrMismatchedDeclarationIsReported() {
        JavaClasses wrong = new ClassFileImporter().importClasses(Undeclared.class, Mismatched.class, Declared.class);
        EvaluationResult result = EVERY_RESOURCE_DECLARES_THE_FAMILY_OF_ITS_PATHS.evaluate(wrong);
        List<String> failures = result.getFailureReport().getDetails();
        assertEquals(List.of(
                Mismatched.class.getName() + " declares LIVE but serves /v1/mismatched, a BREATHECODE path",
                Mismatched.class.getName() + " declares LIVE but serves /v1/mismatched/item, a BREATHECODE path",
                Undeclared.class.getName() + " serves /live/undeclared but declares no @Family"),
                failures.stream().sorted().toList());
    }

    private static ArchCondition<JavaClass> declareTheFamilyOfTheirPaths() {
        return new ArchCondition<>("declare the @Family their paths belong to") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Class<?> resource = javaClass.reflect();
                String base = resource.getAnnotation(Path.class).value();
                Family declared = resource.getAnnotation(Family.class);
                if (declared == null) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            resource.getName() + " serves " + join("", base) + " but declares no @Family"));
                    return;
                }
                for (String path : pathsOf(resource, base)) {
                    ApiFamily byPath = ApiFamily.forPath(path);
                    boolean agrees = byPath == declared.value();
                    events.add(new SimpleConditionEvent(javaClass, agrees, resource.getName() + " declares "
                            + declared.value() + " but serves " + path + ", a " + byPath + " path"));
                }
            }
        };
    }

    /** The class path and, for each resource method, the class path joined with the method's path. */
    private static List<String> pathsOf(Class<?> resource, String base) {
        List<String> paths = new ArrayList<>();
        paths.add(join("", base));
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path != null) {
                paths.add(join(base, path.value()));
            } else if (isResourceMethod(method)) {
                paths.add(join("", base));
            }
        }
        return paths.stream().distinct().toList();
    }

    private static boolean isResourceMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String base, String path) {
        String joined = "/" + base + "/" + path;
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    @Path("/live/undeclared")
    static class Undeclared {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("/v1/mismatched")
    @Family(ApiFamily.LIVE)
    static class Mismatched {
        @GET
        @Path("item")
        public String get() {
            return "";
        }
    }

    @Path("/live/declared")
    @Family(ApiFamily.LIVE)
    static class Declared {
        @GET
        public String get() {
            return "";
        }
    }
}
