import { type Config, ConfigError, loadConfig } from './config.js';

/** For entry points: the validated configuration, or the list of problems on stderr and exit. */
export function configOrExit(exitCode: number): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(exitCode);
    }
    throw e;
  }
}
