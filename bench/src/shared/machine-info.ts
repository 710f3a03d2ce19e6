import os from 'node:os';

/** The machine a run measured, noted beside every absolute figure. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGigabytes: number;
  node: string;
  platform: string;
  date: string;
}

/** Describes this machine. */
export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGigabytes: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
  };
}
