import { writeFile } from 'node:fs/promises';
import {
  connectorMatrixPath,
  loadConnectorDefinitions,
  renderConnectorMatrix,
} from './connector-matrix';

await writeFile(connectorMatrixPath, renderConnectorMatrix(await loadConnectorDefinitions()));
console.log(`wrote ${connectorMatrixPath}`);
