package io.shmlab.junit;

import io.shmlab.api.FinalCheck;
import io.shmlab.api.ProgramSpec;
import io.shmlab.check.CheckReport;
import io.shmlab.check.ProgramCheck;
import io.shmlab.check.ReplayReport;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link ShmlabTest}: before the test's body, explores the program (or replays the token) and
 * fails the test when the outcome is not the one expected; the body may then take the report as a
 * parameter.
 */
public final class ShmlabExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ShmlabExtension.class);
    private static final String RESULT = "result";

    @Override
    public void beforeEach(ExtensionContext context) {
        ShmlabTest test = annotation(context);
        ProgramCheck check = check(test);
        Object result;
        if (test.replay().isEmpty()) {
            CheckReport report = check.explore();
            result = report;
            if (test.expect() == Expect.PASS) {
                ShmlabAssertions.requirePassing(report);
            } else {
                ShmlabAssertions.requireFailing(report);
            }
        } else {
            ReplayReport replay = check.replay(test.replay().strip());
            result = replay;
            if (test.expect() == Expect.PASS) {
                ShmlabAssertions.requirePassing(replay);
            } else {
                ShmlabAssertions.requireFailing(replay);
            }
        }
        context.getStore(NAMESPACE).put(RESULT, result);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CheckReport.class || type == ReplayReport.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Object result = context.getStore(NAMESPACE).get(RESULT);
        Class<?> type = parameter.getParameter().getType();
        if (!type.isInstance(result)) {
            throw new ParameterResolutionException("this @ShmlabTest " + (annotation(context).replay().isEmpty()
                    ? "explores: take a CheckReport" : "replays a token: take a ReplayReport") + ", not a "
                    + type.getSimpleName());
        }
        return result;
    }

    /** The check a {@link ShmlabTest} states. */
    static ProgramCheck check(ShmlabTest test) {
        ProgramCheck check = ProgramCheck.of(test.program(), test.args()).processes(test.processes())
                .strategy(test.strategy()).preemptionBound(test.preemptions()).maxSchedules(test.maxSchedules())
                .seed(test.seed()).perAccess(test.perAccess());
        if (test.check() != FinalCheck.class) {
            check = check.finalCheck(newCheck(test.check(), test.args()));
        }
        return check;
    }

    /** The check class built with the test's arguments when it takes {@code String[]}, else with none. */
    private static FinalCheck newCheck(Class<? extends FinalCheck> type, String[] args) {
        boolean takesArgs;
        try {
            type.getConstructor(String[].class);
            takesArgs = true;
        } catch (NoSuchMethodException e) {
            takesArgs = false;
        }
        return (FinalCheck) new ProgramSpec(type.getName(), takesArgs ? List.of(args) : List.of()).construct(type);
    }

    private static ShmlabTest annotation(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        ShmlabTest test = method.getAnnotation(ShmlabTest.class);
        if (test == null) {
            throw new ExtensionConfigurationException(method + " is run by ShmlabExtension but has no @ShmlabTest");
        }
        return test;
    }
}
