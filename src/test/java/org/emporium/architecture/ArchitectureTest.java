package org.emporium.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The layering rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {

  private static ArchRule domainIsPlainJava(String root) {
    return noClasses().that().resideInAPackage(root + "..domain..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx..")
        .allowEmptyShould(true);
  }

  private static ArchRule contextsAreIndependent(String root) {
    return slices().matching(root + ".(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage(root + ".platform.."))
        .allowEmptyShould(true);
  }

  private static JavaClasses production() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.emporium");
  }

  @Test
  void domainPackagesImportNothingFromVertx() {
    domainIsPlainJava("org.emporium").check(production());
  }

  @Test
  void noContextImportsAnotherContext() {
    contextsAreIndependent("org.emporium").check(production());
  }

  @Test
  void platformDependsOnNoContext() {
    noClasses().that().resideInAPackage("org.emporium.platform..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.emporium.platform..", "java..", "javax..",
            "io..", "com..", "org.apache..", "org.slf4j..", "ch.qos..", "liquibase..", "org.yaml..", "sun..",
            "kotlin..", "scala..", "kafka..", "org.postgresql..", "redis..")
        .check(production());
  }

  @Test
  void theRulesCatchViolations() {
    JavaClasses fixtures = new ClassFileImporter().importPackages("org.emporium.architecture.fixture");
    EvaluationResult domain = domainIsPlainJava("org.emporium.architecture.fixture").evaluate(fixtures);
    assertThat(domain.hasViolation()).isTrue();
    assertThat(domain.getFailureReport().toString()).contains("BadDomainRule");
    EvaluationResult contexts = contextsAreIndependent("org.emporium.architecture.fixture").evaluate(fixtures);
    assertThat(contexts.hasViolation()).isTrue();
    assertThat(contexts.getFailureReport().toString()).contains("CartPeeksIntoCatalog");
  }
}
