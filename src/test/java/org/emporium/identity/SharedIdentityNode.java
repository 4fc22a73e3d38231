package org.emporium.identity;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;

/**
 * Hands every identity test class the same {@link IdentityNode}, started on first use and stopped
 * when the test run ends (it lives in the root context's store).
 */
public final class SharedIdentityNode implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == IdentityNode.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedIdentityNode.class))
        .getOrComputeIfAbsent(IdentityNode.class, type -> IdentityNode.start(Map.of()), IdentityNode.class);
  }
}
