package de.amtsweg.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every {@link Channel} bean by its id; each id has exactly one. */
@Component
class Channels {

  private final Map<DeliveryChannel, Channel> byId = new EnumMap<>(DeliveryChannel.class);

  Channels(List<Channel> channels) {
    for (Channel channel : channels) {
      if (byId.put(channel.id(), channel) != null) {
        throw new IllegalStateException("two channels for " + channel.id());
      }
    }
  }

  Channel get(DeliveryChannel id) {
    Channel channel = byId.get(id);
    if (channel == null) {
      throw new IllegalStateException("no channel registered for " + id);
    }
    return channel;
  }

  /** The channels a tenant may choose for documents of this type, in the enum's order. */
  List<DeliveryChannel> offered(DocumentType type) {
    return byId.values().stream().filter(c -> c.accepts(type)).map(Channel::id).sorted().toList();
  }
}
