import type { DetectOptionsV1 } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import { githubActionsConnector } from '../src/index';

function detect(files: string[], options: { gitConfig?: string; environment?: string[] } = {}) {
  const detectOptions: DetectOptionsV1 = {
    files,
    readFile: async (path) => (path === '.git/config' ? options.gitConfig : undefined),
    environmentVariableNames: options.environment ?? [],
  };
  return githubActionsConnector.doDetect?.(detectOptions);
}

describe('detecting GitHub Actions', () => {
  it('suggests nothing without workflow files', async () => {
    expect(
      await detect(['README.md', '.github/dependabot.yml', '.github/workflows/notes.txt']),
    ).toBeUndefined();
  });

  it('lists the workflow files and suggests the one release workflow', async () => {
    const detection = await detect([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yaml',
      'src/index.ts',
    ]);

    expect(detection?.evidence).toEqual([
      '.github/workflows/ci.yml exists',
      '.github/workflows/release.yaml exists',
    ]);
    expect(detection?.confidence).toBe(0.95);
    expect(detection?.suggestedSelector).toEqual({ workflow: 'release.yaml' });
    expect(detection?.suggestedConfig).toBeUndefined();
  });

  it('is less sure when no workflow looks like a release', async () => {
    const detection = await detect(['.github/workflows/ci.yml']);

    expect(detection?.confidence).toBe(0.85);
    expect(detection?.suggestedSelector).toBeUndefined();
  });

  it.each([
    [['GITHUB_TOKEN', 'HOME'], 'env:GITHUB_TOKEN'],
    [['GH_TOKEN'], 'env:GH_TOKEN'],
  ])('suggests the token reference when %j are set', async (environment, token) => {
    const detection = await detect(['.github/workflows/ci.yml'], { environment });

    expect(detection?.suggestedConfig).toEqual({ token });
  });

  it.each([
    ['git@github.com:octo-org/octo-repo.git', 'octo-org/octo-repo'],
    ['https://github.com/octo-org/octo.repo', 'octo-org/octo.repo'],
    ['https://gitlab.com/octo-org/octo-repo.git', undefined],
  ])('reads the repository from an origin remote %s', async (url, repository) => {
    const gitConfig = `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`;
    const detection = await detect(['.github/workflows/ci.yml'], { gitConfig });

    expect(detection?.suggestedSelector?.repository).toBe(repository);
  });
});
