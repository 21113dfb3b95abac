import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { advanceSimulation, resolveSimulation, sendSimulationMessage, startSimulation } from '../../../schema/api/simulations.ts';
import { ContactQueues } from '../../live/contact-queues.ts';
import { permissions, principalOf, requireRole } from '../../auth/index.ts';
import { AppError } from '../../errors.ts';
import { createSimulationStore, type StoredSimulation } from '../../simulations/simulation-store.ts';
import { simulate, type SimulatedTurn, type SimulationStep } from '../../simulations/simulate-turn.ts';
import type { WebhookMessage } from '../../../runtime/whatsapp/index.ts';

/**
 * The simulator: conversations with a draft or a version that never reach the Graph API.
 * Turns of one simulation run one at a time, so two quick messages cannot lose a session update.
 */
export const simulationsPlugin: FastifyPluginAsyncTypebox = async (app) => {
  const { flows, database, config, now } = app.charla;
  const store = createSimulationStore(database, flows);
  const deps = { store, ports: app.charla.ports, secrets: config.runtime.secrets, now };
  const queues = new ContactQueues(() => {});

  async function requireSimulation(id: string): Promise<StoredSimulation> {
    const simulation = await store.get(id);
    if (!simulation) throw new AppError('simulation_not_found', `No simulation "${id}"`);
    return simulation;
  }

  /** Runs a step after any step of the same simulation still running, on its stored state. */
  function turn(id: string, step: SimulationStep): Promise<SimulatedTurn> {
    return new Promise((resolve, reject) => {
      queues.push(id, () => requireSimulation(id).then((simulation) => simulate(deps, simulation, step)).then(resolve, reject));
    });
  }

  app.route({
    ...startSimulation,
    preHandler: requireRole(permissions.simulate),
    handler: async (request, reply) => {
      const { id } = request.params;
      const { source, contact } = request.body;
      const simulationId = await store.create({
        flowId: id, source, createdBy: principalOf(request).name, now: now(), ...(contact ? { contact } : {}),
      });
      // WhatsApp conversations start with the customer's message: nothing is said until the first one.
      return reply.status(201).send({
        simulationId, flowId: id, source, messages: [], variables: {}, activeNodeId: null, status: 'active', clock: now(), timers: [],
      });
    },
  });

  app.route({
    ...sendSimulationMessage,
    preHandler: requireRole(permissions.simulate),
    handler: async (request) => {
      const { simulationId } = request.params;
      const simulation = await requireSimulation(simulationId);
      const clock = now() + simulation.clockOffsetMs;
      const message = {
        from: simulation.contact.waId, id: `sim.${simulationId}.${clock}`, timestamp: String(Math.floor(clock / 1000)),
        ...request.body,
      } as WebhookMessage & { id: string };
      return turn(simulationId, { message });
    },
  });

  app.route({
    ...resolveSimulation,
    preHandler: requireRole(permissions.simulate),
    handler: async (request) => {
      const { simulationId } = request.params;
      if ((await requireSimulation(simulationId)).session?.status !== 'handoff') {
        throw new AppError('simulation_not_in_handoff');
      }
      return turn(simulationId, { event: { type: 'handoff_resolved' } });
    },
  });

  app.route({
    ...advanceSimulation,
    preHandler: requireRole(permissions.simulate),
    handler: async (request) => {
      return turn(request.params.simulationId, { advance: request.body });
    },
  });
};
