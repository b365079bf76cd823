package com.opsledger.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of DESIGN.md, checked rather than hoped for. */
class ArchitectureTest {

    private static final JavaClasses OPSLEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.opsledger");

    /**
     * The command side's event handlers send commands or call out (fan-outs, deliveries, alerts): none may run again
     * when its processor replays the history. ReplaySafetyTest shows it on a running service.
     */
    @Test
    void commandSideEventHandlersNeverRunOnAReplay() {
        classes().that().resideInAPackage("com.opsledger.command..")
                .and(JavaClass.Predicates.containAnyMethodsThat(CanBeAnnotated.Predicates.annotatedWith(
                        EventHandler.class)))
                .should().beAnnotatedWith(DisallowReplay.class)
                .check(OPSLEDGER);
    }

    @Test
    void theCommandSideDoesNotDependOnTheQuerySide() {
        noClasses().that().resideInAPackage("com.opsledger.command..")
                .should().dependOnClassesThat().resideInAPackage("com.opsledger.query..")
                .check(OPSLEDGER);
    }

    @Test
    void theQuerySideDoesNotDependOnTheCommandSide() {
        noClasses().that().resideInAPackage("com.opsledger.query..")
                .should().dependOnClassesThat().resideInAPackage("com.opsledger.command..")
                .check(OPSLEDGER);
    }

    @Test
    void sharedEventsDependOnNothingButTheJdkAndAxonAnnotations() {
        classes().that().resideInAPackage("com.opsledger.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.opsledger.events..", "java..",
                        "org.axonframework.modelling.command..", "org.axonframework.serialization..")
                .check(OPSLEDGER);
    }

    /**
     * Messages are records; beside them live only the contracts both sides name (keys, aggregate types, ids, and
     * interfaces the records share).
     */
    @Test
    void messagesInSharedEventsAreRecords() {
        classes().that().resideInAPackage("com.opsledger.events..")
                .and().areNotEnums().and().areNotInterfaces().and().areNotAssignableTo(Throwable.class)
                .and().doNotHaveSimpleName("WireName").and().doNotHaveSimpleName("MetaDataKeys")
                .and().doNotHaveSimpleName("Instants").and().doNotHaveSimpleName("AggregateTypes")
                .and().doNotHaveSimpleName("EventStoreSql")
                .and().haveSimpleNameNotEndingWith("Ids")
                .and().doNotHaveSimpleName("package-info")
                .should().beRecords()
                .check(OPSLEDGER);
    }

    @Test
    void theSidesDoNotReachIntoTheApplicationWiring() {
        noClasses().that().resideInAnyPackage("com.opsledger.command..", "com.opsledger.query..",
                        "com.opsledger.events..")
                .should().dependOnClassesThat().resideInAPackage("com.opsledger.app..")
                .check(OPSLEDGER);
    }
}
