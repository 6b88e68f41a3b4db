import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** A headless Chromium that `npm install` brought, and the directory it was unpacked into. */
export interface BundledChromium {
  browser: Browser;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Launch the Chromium shipped inside the `@sparticuz/chromium` npm package (brotli-packed in its
 * `bin/`), so the browser tests need nothing beyond `npm install`: no system browser, no download.
 *
 * The package unpacks into `os.tmpdir()` and reuses whatever `/tmp/chromium` it finds there, so two
 * test runs at once (or a stale binary of another version) could meet half-written files; we point
 * TMPDIR at a private directory for the call and remove it on dispose (~2 s to unpack).
 *
 * It also unpacks the few shared libraries Chromium needs beyond glibc (NSS, NSPR, expat), but only
 * when it believes it runs on Amazon Linux 2023, which it reads from `AWS_LAMBDA_JS_RUNTIME`; we
 * set that for the call and put the libraries first on the browser's LD_LIBRARY_PATH, so a machine
 * without Debian's libnss3 runs it as well as one with it.
 *
 * Its fonts.conf names `/tmp/fonts`, so from our directory it would find no font and every text run
 * would have no width (nothing to hover); we write a fonts.conf naming the unpacked Open Sans.
 */
export async function launchBundledChromium(): Promise<BundledChromium> {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-chromium-'));
  const saved = { TMPDIR: process.env['TMPDIR'], AWS_LAMBDA_JS_RUNTIME: process.env['AWS_LAMBDA_JS_RUNTIME'] };
  let executablePath: string;
  try {
    process.env['TMPDIR'] = dir;
    process.env['AWS_LAMBDA_JS_RUNTIME'] = 'nodejs20.x';
    executablePath = await sparticuz.executablePath();
  } finally {
    restoreEnv(saved);
  }
  const libs = join(dir, 'al2023', 'lib');
  const fontsConf = join(dir, 'fonts.conf');
  writeFileSync(fontsConf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${join(dir, 'fonts')}</dir><cachedir>${join(dir, 'fonts-cache')}</cachedir></fontconfig>\n`);
  const env = {
    ...process.env,
    LD_LIBRARY_PATH: [libs, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':'),
    FONTCONFIG_FILE: fontsConf,
    HOME: dir,
  };
  try {
    const browser = await chromium.launch({ executablePath, args: sparticuz.args, headless: true, env });
    return {
      browser,
      [Symbol.asyncDispose]: async () => {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function restoreEnv(saved: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
