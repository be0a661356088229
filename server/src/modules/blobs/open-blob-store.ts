// The configured blob store (BLOB_STORE), for the server and the CLI alike. An S3 store is checked
// once on opening (one HEAD on the bucket), so a wrong endpoint, bucket or key stops `serve` or
// `verify` at start with a message naming the setting, not at the first upload.
import path from 'node:path';
import { ConfigError, type Config } from '../../config.ts';
import type { BlobStore } from './blob-store.ts';
import { createLocalBlobStore } from './local-blob-store.ts';
import { createS3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.ts';

/** Partial uploads stay local whatever the store: the same directory the local store uses. */
export const stagingDirOf = (config: Config) => path.join(config.BLOB_DIR, '.staging');

export async function openBlobStore(
  config: Config,
  /** Tests only: smaller multipart thresholds and parts. */
  tuning: Pick<S3BlobStoreOptions, 'multipartThreshold' | 'partSize' | 'partConcurrency'> = {},
): Promise<BlobStore> {
  if (config.BLOB_STORE === 'local') return createLocalBlobStore(config.BLOB_DIR);
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = config;
  // loadConfig refuses BLOB_STORE=s3 without these; this keeps the types honest.
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new Error('BLOB_STORE=s3 needs S3_ENDPOINT, S3_BUCKET and the access keys');
  }
  const store = createS3BlobStore({
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    region: config.S3_REGION,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    prefix: config.S3_PREFIX,
    stagingDir: stagingDirOf(config),
    ...tuning,
  });
  try {
    await store.checkBucket();
  } catch (error) {
    store.close();
    // A configuration problem for the operator (the CLI prints it without a stack, exit 78).
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  return store;
}
