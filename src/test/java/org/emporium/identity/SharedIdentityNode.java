package org.emporium.identity;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.emporium.testing.SharedNodes;

import java.util.Map;

/**
 * Hands every identity test class the same {@link IdentityNode}, started on first use and stopped
 * when another package's shared node starts ({@link SharedNodes}).
 */
public final class SharedIdentityNode implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == IdentityNode.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SharedNodes.get("identity", () -> IdentityNode.start(Map.of()));
  }
}
