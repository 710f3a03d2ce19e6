import { z } from 'zod';

// kubeconfig field names are kebab-case; only what the connector reads (plus what it must
// refuse) is declared, the rest is stripped.
const namedCluster = z.object({
  name: z.string(),
  cluster: z.object({
    server: z.string(),
    'certificate-authority': z.string().nullish(),
    'certificate-authority-data': z.string().nullish(),
    'insecure-skip-tls-verify': z.boolean().nullish(),
  }),
});

const namedUser = z.object({
  name: z.string(),
  user: z
    .object({
      token: z.string().nullish(),
      tokenFile: z.string().nullish(),
      exec: z.unknown().optional(),
      'auth-provider': z.unknown().optional(),
      'client-certificate': z.string().nullish(),
      'client-certificate-data': z.string().nullish(),
      'client-key': z.string().nullish(),
      'client-key-data': z.string().nullish(),
      username: z.string().nullish(),
      password: z.string().nullish(),
    })
    .nullish(),
});

const namedContext = z.object({
  name: z.string(),
  context: z.object({
    cluster: z.string(),
    user: z.string().nullish(),
    namespace: z.string().nullish(),
  }),
});

/** One kubeconfig file (`kind: Config`). */
export const kubeconfigSchema = z.object({
  'current-context': z.string().nullish(),
  clusters: z.array(namedCluster).nullish(),
  users: z.array(namedUser).nullish(),
  contexts: z.array(namedContext).nullish(),
});

/** A parsed kubeconfig file. */
export type Kubeconfig = z.infer<typeof kubeconfigSchema>;
/** A kubeconfig `users[].user` entry. */
export type KubeconfigUser = NonNullable<z.infer<typeof namedUser>['user']>;
