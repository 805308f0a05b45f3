/** A Java producer that leaves acks unset, and a pom pinning kafka-clients: shared by the CLI and LSP build-file tests. */
export const PRODUCER_JAVA = [
  'package app;',
  'import java.util.Properties;',
  'import org.apache.kafka.clients.producer.*;',
  'public class Orders {',
  '  void run() {',
  '    Properties props = new Properties();',
  '    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");',
  '    KafkaProducer<String, String> p = new KafkaProducer<>(props);',
  '    p.send(new ProducerRecord<>("orders", "v"), (m, e) -> { if (e != null) throw new RuntimeException(e); });',
  '    p.close();',
  '  }',
  '}',
  '',
].join('\n');

export const pomWith = (version: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <dependencies>\n    <dependency>\n      <groupId>org.apache.kafka</groupId>\n      <artifactId>kafka-clients</artifactId>\n      <version>${version}</version>\n    </dependency>\n  </dependencies>\n</project>\n`;
