// Loaded with `NODE_OPTIONS=--import=…/cpu-profile-preload.mjs` (which, unlike `--cpu-prof`,
// NODE_OPTIONS accepts): on SIGUSR2 it starts V8's sampling profiler, so start-up and warm-up
// stay out of the profile, and as the process exits it writes the profile to CPU_PROFILE_FILE
// in the `.cpuprofile` format `--cpu-prof` writes.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const target = process.env.CPU_PROFILE_FILE;
if (target) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  let started = false;
  process.once('SIGUSR2', () => {
    started = true;
    session.post('Profiler.start');
  });
  // A session on the main thread answers synchronously, so the profile is written before exit.
  process.once('exit', () => {
    if (!started) return;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(target, JSON.stringify(result.profile));
    });
  });
}
