import type { KeyDoc, ValueType } from '../types';
import type { Role } from '../../model';

const CLIENTS: readonly Role[] = ['producer', 'consumer', 'admin', 'streams', 'connect'];
/** Security keys are read by clients and, per listener, by brokers. */
const SECURE: readonly Role[] = [...CLIENTS, 'broker'];

/** A key whose entry is only a type and one sentence: connection and security plumbing. */
function plain(key: string, type: ValueType, summary: string, roles: readonly Role[] = CLIENTS, defaultValue?: string): KeyDoc {
  return { key, roles, type, summary, defaults: defaultValue === undefined ? undefined : [{ since: '0', value: defaultValue }] };
}

const LIBRDKAFKA_CLIENTS: readonly Role[] = ['producer', 'consumer', 'admin'];

/** A key only librdkafka and its bindings read. */
function librdkafka(key: string, type: ValueType, summary: string, roles: readonly Role[], defaultValue?: string): KeyDoc {
  return { ...plain(key, type, summary, roles, defaultValue), origin: 'librdkafka' };
}

/** Keys every Kafka client reads: connection, identity, retries of requests, security. */
export const CLIENT_KEYS: readonly KeyDoc[] = [
  plain('bootstrap.servers', 'list', 'host:port pairs the client contacts first to discover the whole cluster; a few brokers are enough.'),
  plain('client.id', 'string', 'A name sent with every request, shown in broker logs, metrics and quotas.'),
  plain('retry.backoff.ms', 'long', 'Pause before a failed request is retried.', CLIENTS, '100'),
  plain('retry.backoff.max.ms', 'long', 'Upper bound of the exponential backoff between retries (Kafka 3.7+).', CLIENTS, '1000'),
  plain('reconnect.backoff.ms', 'long', 'Pause before reconnecting to a broker.', CLIENTS, '50'),
  plain('reconnect.backoff.max.ms', 'long', 'Upper bound of the exponential reconnect backoff.', CLIENTS, '1000'),
  plain('metadata.max.age.ms', 'long', 'How often metadata is refreshed even without a reason, to notice new partitions and brokers.', CLIENTS, '300000'),
  plain('connections.max.idle.ms', 'long', 'Idle connections are closed after this time.', SECURE),
  plain('receive.buffer.bytes', 'int', 'TCP receive buffer (SO_RCVBUF); -1 uses the OS default.'),
  plain('send.buffer.bytes', 'int', 'TCP send buffer (SO_SNDBUF); -1 uses the OS default.'),
  {
    key: 'client.dns.lookup',
    roles: CLIENTS,
    type: 'string',
    suggestedValues: ['use_all_dns_ips', 'resolve_canonical_bootstrap_servers_only'],
    summary: 'How host names in bootstrap.servers and broker addresses are resolved.',
    defaults: [{ since: '0', value: 'use_all_dns_ips' }],
  },
  {
    key: 'security.protocol',
    roles: SECURE,
    type: 'string',
    validValues: ['SASL_SSL', 'SSL', 'SASL_PLAINTEXT', 'PLAINTEXT'],
    valueDocs: {
      SASL_SSL: 'authenticated and encrypted',
      SSL: 'encrypted (and mutual TLS if a keystore is set)',
      SASL_PLAINTEXT: 'authenticated, not encrypted',
      PLAINTEXT: 'neither authenticated nor encrypted',
    },
    summary: 'How the client talks to brokers: plain or TLS, with or without SASL authentication.',
    defaults: [{ since: '0', value: 'PLAINTEXT' }],
  },
  {
    key: 'sasl.mechanism',
    roles: SECURE,
    type: 'string',
    suggestedValues: ['SCRAM-SHA-512', 'SCRAM-SHA-256', 'OAUTHBEARER', 'PLAIN', 'GSSAPI'],
    summary: 'SASL mechanism used to authenticate: a built-in one or any mechanism a login module provides (such as AWS_MSK_IAM).',
    defaults: [{ since: '0', value: 'GSSAPI' }],
  },
  plain('sasl.jaas.config', 'password', 'JAAS login module and options for SASL, in one line (e.g. a ScramLoginModule with username and password).', SECURE),
  plain('sasl.kerberos.service.name', 'string', 'Kerberos principal name the brokers run as.', SECURE),
  plain('sasl.client.callback.handler.class', 'class', 'Callback handler class for the SASL client (OAuth token retrieval and similar).'),
  plain('sasl.login.callback.handler.class', 'class', 'Callback handler class for the SASL login.', SECURE),
  plain('sasl.oauthbearer.token.endpoint.url', 'string', 'OAuth token endpoint used by the OAUTHBEARER login handler.', SECURE),
  plain('ssl.truststore.location', 'string', 'Path of the trust store with the certificates the client trusts.', SECURE),
  plain('ssl.truststore.password', 'password', 'Password of the trust store.', SECURE),
  plain('ssl.truststore.type', 'string', 'Format of the trust store (JKS, PKCS12, PEM).', SECURE, 'JKS'),
  plain('ssl.truststore.certificates', 'password', 'Trusted certificates in PEM form, inline.', SECURE),
  plain('ssl.keystore.location', 'string', 'Path of the key store with this side\'s own certificate and key (mutual TLS).', SECURE),
  plain('ssl.keystore.password', 'password', 'Password of the key store.', SECURE),
  plain('ssl.keystore.type', 'string', 'Format of the key store (JKS, PKCS12, PEM).', SECURE, 'JKS'),
  plain('ssl.keystore.key', 'password', 'Private key in PEM form, inline.', SECURE),
  plain('ssl.keystore.certificate.chain', 'password', 'Certificate chain in PEM form, inline.', SECURE),
  plain('ssl.key.password', 'password', 'Password of the private key in the key store.', SECURE),
  plain('ssl.protocol', 'string', 'TLS protocol used to build the SSL context.', SECURE, 'TLSv1.3'),
  plain('ssl.enabled.protocols', 'list', 'TLS protocol versions allowed on connections.', SECURE),
  plain('ssl.cipher.suites', 'list', 'Allowed TLS cipher suites; empty means all the JVM supports.', SECURE),
  {
    key: 'ssl.client.auth',
    roles: ['broker'],
    type: 'string',
    validValues: ['required', 'requested', 'none'],
    valueDocs: {
      required: 'clients must present a certificate',
      requested: 'clients may present one; connections without it are accepted',
      none: 'no client certificate is asked for',
    },
    summary: 'Broker: whether TLS clients must authenticate with a certificate (mutual TLS).',
    defaults: [{ since: '0', value: 'none' }],
  },
  plain('sasl.enabled.mechanisms', 'list', 'Broker: SASL mechanisms the broker accepts.', ['broker'], 'GSSAPI'),
  plain('sasl.mechanism.inter.broker.protocol', 'string', 'Broker: SASL mechanism brokers use with each other.', ['broker'], 'GSSAPI'),
  librdkafka('sasl.username', 'string', 'librdkafka: user name for the PLAIN and SCRAM mechanisms.', LIBRDKAFKA_CLIENTS),
  librdkafka('sasl.password', 'password', 'librdkafka: password for the PLAIN and SCRAM mechanisms.', LIBRDKAFKA_CLIENTS),
  librdkafka('sasl.mechanisms', 'string', 'librdkafka: the SASL mechanism to use (librdkafka accepts only one).', LIBRDKAFKA_CLIENTS, 'GSSAPI'),
  librdkafka('ssl.ca.location', 'string', 'librdkafka: file or directory of the CA certificates used to verify the broker.', LIBRDKAFKA_CLIENTS),
  librdkafka('enable.ssl.certificate.verification', 'boolean', 'librdkafka: verify the broker certificate; false accepts any certificate.', LIBRDKAFKA_CLIENTS, 'true'),
  {
    key: 'ssl.endpoint.identification.algorithm',
    roles: SECURE,
    type: 'string',
    suggestedValues: ['https', ''],
    valueDocs: { https: 'check that the broker certificate matches its host name', '': 'do not check the host name' },
    summary: 'Host-name verification of the broker certificate; an empty value turns it off.',
    defaults: [
      { since: '0', value: '' },
      { since: '2.0', value: 'https', note: 'host-name verification has been on by default since 2.0' },
    ],
  },
];
