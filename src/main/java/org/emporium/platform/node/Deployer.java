package org.emporium.platform.node;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.emporium.platform.config.ConfigException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deploys verticles from their descriptors, one after the other, and undeploys them in reverse.
 * A verticle with a {@code (Platform)} constructor receives the node's platform services.
 */
final class Deployer {

  private final Vertx vertx;
  private final Platform platform;
  private final int eventLoops;
  private final List<String> deployed = new ArrayList<>();

  Deployer(Vertx vertx, Platform platform, int eventLoops) {
    this.vertx = vertx;
    this.platform = platform;
    this.eventLoops = eventLoops;
  }

  Future<Void> deploy(List<VerticleDescriptor> descriptors) {
    Future<Void> chain = Future.succeededFuture();
    for (VerticleDescriptor descriptor : descriptors) {
      chain = chain.compose(v -> deployOne(descriptor));
    }
    return chain;
  }

  /** Undeploys in reverse order, so the edge stops (and drains) before what it calls. */
  Future<Void> undeployAll() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployed.size() - 1; i >= 0; i--) {
      String id = deployed.get(i);
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.onComplete(done -> deployed.clear());
  }

  private Future<Void> deployOne(VerticleDescriptor descriptor) {
    DeploymentOptions options = new DeploymentOptions()
        .setInstances(descriptor.instanceCount(eventLoops))
        .setConfig(descriptor.config());
    return vertx.deployVerticle(factory(descriptor), options)
        .onSuccess(deployed::add)
        .mapEmpty();
  }

  private Supplier<Deployable> factory(VerticleDescriptor descriptor) {
    Class<?> type;
    try {
      type = Class.forName(descriptor.main());
    } catch (ClassNotFoundException e) {
      throw new ConfigException("verticles/" + descriptor.name() + ".json: no class " + descriptor.main());
    }
    return () -> instantiate(type);
  }

  private Deployable instantiate(Class<?> type) {
    try {
      try {
        Constructor<?> withPlatform = type.getConstructor(Platform.class);
        return (Deployable) withPlatform.newInstance(platform);
      } catch (NoSuchMethodException e) {
        return (Deployable) type.getConstructor().newInstance();
      }
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("cannot create " + type.getName() + ": " + cause, cause);
    }
  }
}
