/**
 * Every module, one line each, in the order their routes are registered. The server (app.ts), its
 * background work (workers.ts) and the CLI (cli/commands.ts) are assembled from this list; adding a
 * module is its folder (with `<name>.module.ts`) and one line here. See ARCHITECTURE.md, "Adding a module".
 */
import type { ModuleManifest } from './module';
import { accessModule } from './modules/access/access.module';
import { accountsModule } from './modules/accounts/accounts.module';
import { auditModule } from './modules/audit/audit.module';
import { beehiveModule } from './modules/beehive/beehive.module';
import { casesModule } from './modules/cases/cases.module';
import { circleModule } from './modules/circle/circle.module';
import { cockpitModule } from './modules/cockpit/cockpit.module';
import { classifierModule } from './modules/classifier/classifier.module';
import { deliberationModule } from './modules/deliberation/deliberation.module';
import { demoModule } from './modules/demo/demo.module';
import { divisionsModule } from './modules/divisions/divisions.module';
import { identityModule } from './modules/identity/identity.module';
import { indicatorsModule } from './modules/indicators/indicators.module';
import { open311Module } from './modules/open311/open311.module';
import { organisationModule } from './modules/organisation/organisation.module';
import { pointsModule } from './modules/points/points.module';
import { servicesModule } from './modules/services/services.module';
import { worklistsModule } from './modules/worklists/worklists.module';
import { careModule } from './modules/care/care.module';
import { selectionsModule } from './modules/selections/selections.module';
import { economyModule } from './modules/economy/economy.module';
import { leadersModule } from './modules/leaders/leaders.module';
import { projectsModule } from './modules/projects/projects.module';
import { provinceModule } from './modules/province/province.module';
import { rollupsModule } from './modules/rollups/rollups.module';
import { woodpeckersModule } from './modules/woodpeckers/woodpeckers.module';
import { covenantsModule } from './modules/covenants/covenants.module';

export const MODULES: readonly ModuleManifest[] = [
  divisionsModule,
  identityModule,
  accessModule,
  accountsModule,
  auditModule,
  organisationModule,
  casesModule,
  classifierModule,
  indicatorsModule,
  pointsModule,
  selectionsModule,
  demoModule,
  open311Module,
  beehiveModule,
  circleModule,
  servicesModule,
  deliberationModule,
  worklistsModule,
  careModule,
  economyModule,
  leadersModule,
  projectsModule,
  woodpeckersModule,
  covenantsModule, // after deliberation: its demo adopts the covenant by deliberation's demo matter
  rollupsModule,
  provinceModule,
  cockpitModule,
];
