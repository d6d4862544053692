// @planwright/workers: agent workers on many machines, on BullMQ queues in Redis, with git as the transport.
export {};
