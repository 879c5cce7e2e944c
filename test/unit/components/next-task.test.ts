import { describe, expect, it } from 'vitest';
import { nextTask } from '@/components/shared/next-task';

describe('nextTask (the opening request leaves the page parsing task through it)', () => {
  it('runs the task after the current task and its microtasks, not inside them', async () => {
    const order: string[] = [];
    nextTask(() => order.push('next task'));
    queueMicrotask(() => order.push('microtask'));
    order.push('current task');
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['current task', 'microtask']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['current task', 'microtask', 'next task']);
  });

  it('runs each task once', async () => {
    let runs = 0;
    nextTask(() => runs++);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
  });
});
