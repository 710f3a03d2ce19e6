import { runDemo } from './run-demo';

await runDemo();
