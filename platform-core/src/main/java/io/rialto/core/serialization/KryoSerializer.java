package io.rialto.core.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.Pool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Pekko serializer for every {@link io.rialto.core.domain.RialtoMessage}, on Kryo 5 with registration
 * required. Classes come from {@link KryoRegistrations} providers (found through ServiceLoader) and
 * are registered in class-name order, so that every node assigns the same ids. Typed actor refs are
 * written as their serialization-format path. Kryo instances are not thread-safe; a pool holds them.
 */
public final class KryoSerializer extends JSerializer {
    /** Outside Pekko's reserved range 0-40. */
    public static final int IDENTIFIER = 7_301_733;
    private static final int FIRST_REGISTRATION_ID = 100;

    private final Pool<Kryo> kryos;
    private final Pool<Output> outputs;

    public KryoSerializer(ExtendedActorSystem system) {
        ActorRefResolver resolver = ActorRefResolver.get(Adapter.toTyped(system));
        List<Class<?>> classes = registeredClasses();
        kryos = new Pool<>(true, false, 16) {
            @Override
            protected Kryo create() {
                return newKryo(resolver, classes);
            }
        };
        outputs = new Pool<>(true, false, 16) {
            @Override
            protected Output create() {
                return new Output(1024, -1);
            }
        };
    }

    /** Every class contributed by the registrations on the class path, deduplicated and sorted by name. */
    public static List<Class<?>> registeredClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (KryoRegistrations registrations : ServiceLoader.load(KryoRegistrations.class,
                KryoSerializer.class.getClassLoader())) {
            for (Class<?> c : registrations.classes()) {
                if (!classes.contains(c)) {
                    classes.add(c);
                }
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        return classes;
    }

    private static Kryo newKryo(ActorRefResolver resolver, List<Class<?>> classes) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        ActorRefSerializer refSerializer = new ActorRefSerializer(resolver);
        kryo.addDefaultSerializer(ActorRef.class, refSerializer);
        // List.of / Set.of / Map.of, which records often carry (JDK-internal classes, so not by reflection)
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        ImmutableCollectionsSerializers.registerSerializers(kryo);
        int id = FIRST_REGISTRATION_ID;
        for (Class<?> c : classes) {
            kryo.register(c, id++);
        }
        // arrays and the concrete typed ref classes that messages carry
        kryo.register(long[].class, id++);
        kryo.register(int[].class, id++);
        kryo.register(byte[].class, id++);
        kryo.register(String[].class, id++);
        for (String refClass : List.of("org.apache.pekko.actor.typed.internal.adapter.ActorRefAdapter",
                "org.apache.pekko.actor.typed.internal.adapter.ActorSystemAdapter")) {
            try {
                kryo.register(Class.forName(refClass), refSerializer, id++);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Pekko class " + refClass + " not found", e);
            }
        }
        return kryo;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public boolean includeManifest() {
        return false;
    }

    @Override
    public byte[] toBinary(Object o) {
        Kryo kryo = kryos.obtain();
        Output output = outputs.obtain();
        try {
            output.reset();
            kryo.writeClassAndObject(output, o);
            return output.toBytes();
        } finally {
            outputs.free(output);
            kryos.free(kryo);
        }
    }

    @Override
    public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
        Kryo kryo = kryos.obtain();
        try {
            return kryo.readClassAndObject(new Input(bytes));
        } finally {
            kryos.free(kryo);
        }
    }

    /** Writes a typed actor ref as its path with address, resolvable on any node of the cluster. */
    private static final class ActorRefSerializer extends Serializer<ActorRef<?>> {
        private final ActorRefResolver resolver;

        ActorRefSerializer(ActorRefResolver resolver) {
            this.resolver = resolver;
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, ActorRef<?> ref) {
            output.writeString(resolver.toSerializationFormat(ref));
        }

        @Override
        public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
            return resolver.resolveActorRef(input.readString());
        }
    }
}
