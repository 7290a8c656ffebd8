import { describeSamplerConformance } from '@rgae/core/testing';
import { isingModel } from '../lattice/ising-model.js';
import { energyMagnetizationCheck, stateCheck } from './exact-checks.js';
import { heatBathSampler } from './heat-bath.js';

describeSamplerConformance({
  model: isingModel,
  sampler: heatBathSampler,
  exact: [energyMagnetizationCheck(0.3), energyMagnetizationCheck(0.44, { spacingSweeps: 20 }), energyMagnetizationCheck(0.3, { field: 0.2 }), stateCheck(0.3)],
});
