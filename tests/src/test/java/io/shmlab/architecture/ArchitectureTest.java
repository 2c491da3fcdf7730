package io.shmlab.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every production class of every module (this module's tests see them all): packages free of cycles,
 * and dependencies pointing from the command line, the tests and the benchmarks down to the backends
 * and the labs, and from those to the api. (Each rule is a method, not a field, so that a run of one
 * test class by name, {@code -Dtest=ArchitectureTest}, still runs them.)
 */
@AnalyzeClasses(packages = "io.shmlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String OURS = "io.shmlab..";
    private static final String API = "io.shmlab.api..";

    @ArchTest
    static void packagesHaveNoCycles(JavaClasses classes) {
        slices().matching("io.shmlab.(**)").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    static void theApiDependsOnNothingOfOurs(JavaClasses classes) {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAPackage(API)))).check(classes);
    }

    @ArchTest
    static void theSimulatorDependsOnTheApiAlone(JavaClasses classes) {
        dependsOnTheApiAlone("io.shmlab.sim..").check(classes);
    }

    @ArchTest
    static void theNativeBackendDependsOnTheApiAlone(JavaClasses classes) {
        dependsOnTheApiAlone("io.shmlab.libc..").check(classes);
    }

    @ArchTest
    static void theLabsDependOnTheApiAlone(JavaClasses classes) {
        dependsOnTheApiAlone("io.shmlab.labs..").check(classes);
    }

    private static ArchRule dependsOnTheApiAlone(String module) {
        return noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAnyPackage(API, module))));
    }
}
