import { createPottsModel, type PottsModel } from './potts-model.js';

/** The 3-state Potts model, lattice id `potts` (the q a study gets with `--lattice potts`). */
export const potts3Model: PottsModel = createPottsModel({ id: 'potts', nStates: 3 });

/** The 4-state Potts model, lattice id `potts4`. */
export const potts4Model: PottsModel = createPottsModel({ id: 'potts4', nStates: 4 });

/** Lattices the plugin registers; q is part of the lattice id because a study passes no model options. */
export const POTTS_MODELS: readonly PottsModel[] = [potts3Model, potts4Model];
