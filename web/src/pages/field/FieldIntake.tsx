import { createLocalCase } from '../../offline/store';
import { Intake } from '../cases/Intake';

/** Registering a case on the field device: the intake form, kept on the device with a temporary code. */
export function FieldIntake() {
  return <Intake offline={createLocalCase} />;
}
