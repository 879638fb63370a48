package news.broadsheet.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL statements the application runs while serving HTTP requests, with their
 * parameters, by wrapping the DataSource: tests count them per request and re-run them under
 * EXPLAIN. Background work (the search indexer, schedulers) and the test's own queries run on
 * other threads and stay out. Add it to a test with {@code @Import(StatementLog.Configuration.class)}.
 */
public final class StatementLog {

    /** One executed statement: its SQL and its parameters by position (from 1). */
    public record Executed(String sql, Map<Integer, @Nullable Object> parameters) {

        public List<@Nullable Object> parameterList() {
            return new ArrayList<>(parameters.values());
        }
    }

    private final List<Executed> executed = new CopyOnWriteArrayList<>();

    private volatile boolean recording = true;

    /** Set on a thread while it serves a request. */
    private final ThreadLocal<Boolean> serving = ThreadLocal.withInitial(() -> false);

    /** Forgets what was recorded so far. */
    public void clear() {
        executed.clear();
    }

    /** Stops (or restarts) recording, so a test's own queries stay out of the log. */
    public void recording(boolean on) {
        recording = on;
    }

    public List<Executed> statements() {
        return List.copyOf(executed);
    }

    /** Runs {@code action} and returns the statements the application ran meanwhile. */
    public List<Executed> during(Runnable action) {
        clear();
        action.run();
        return statements();
    }

    /**
     * Runs {@code action} on this thread as if it served a request (for work that runs on a
     * schedule, called directly) and returns the statements it ran.
     */
    public List<Executed> duringOnThisThread(Runnable action) {
        serving.set(true);
        try {
            return during(action);
        } finally {
            serving.set(false);
        }
    }

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
                return statement(PreparedStatement.class, prepared, sql);
            }
            if (result instanceof Statement plain && !(result instanceof PreparedStatement)) {
                return statement(Statement.class, plain, null);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, @Nullable String preparedSql) {
        Map<Integer, @Nullable Object> parameters = new TreeMap<>();
        return proxy(type, statement, (target, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameters.put(index, args[1]);
            } else if (name.startsWith("execute") && recording && serving.get()) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                if (sql != null) {
                    executed.add(new Executed(sql, new TreeMap<>(parameters)));
                }
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (p, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object @Nullable [] args)
            throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler {
        @Nullable
        Object handle(Object target, Method method, @Nullable Object @Nullable [] args) throws Throwable;
    }

    /** Puts a {@link StatementLog} in the context and routes the application's DataSource through it. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> statementLogRequests(
                StatementLog log) {
            jakarta.servlet.Filter filter = (request, response, chain) -> {
                log.serving.set(true);
                try {
                    chain.doFilter(request, response);
                } finally {
                    log.serving.set(false);
                }
            };
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
            registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        static BeanPostProcessor statementLogDataSource(
                org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof Proxy)
                            ? log.getObject().wrap(dataSource)
                            : bean;
                }
            };
        }
    }
}
