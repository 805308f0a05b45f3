declare module 'kafkajs';
