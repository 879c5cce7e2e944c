/**
 * Runs `task` in a task of its own, after the one running now and its microtasks: a message on a
 * private channel. Timers would do the same, but a hidden tab throttles them (Chrome aligns them to
 * one-second wake-ups); messages are not throttled. The channel is kept until its message arrives.
 */
export function nextTask(task: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(null);
}
