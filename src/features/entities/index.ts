/**
 * What other features may use of entities: making and changing the people, places, topics and
 * sections that publications point to (the import and the API do both).
 */
export {
  createPerson,
  createPlace,
  createSection,
  createTopic,
  type EntityDeps,
} from './create-entities.ts';
export { updatePerson, updatePlace, updateTopic } from './update-entities.ts';
