/** The console's project board (民生实事) and a project's page. */
import { ProjectOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../../console';
import { projectsEn, projectsZh } from './messages';
import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';

export const projectsConsole: ConsoleModule<typeof projectsZh> = {
  name: 'projects',
  messages: { zh: projectsZh, en: projectsEn },
  pages: [
    {
      key: 'projects',
      path: 'projects',
      capability: 'projects.manage',
      group: 'serve',
      icon: <ProjectOutlined />,
      label: 'menu.projects',
      hint: 'pj.hint',
      element: <ProjectsPage />,
    },
    {
      key: 'project',
      path: 'projects/:id',
      capability: 'projects.manage',
      hidden: true,
      group: 'serve',
      icon: <ProjectOutlined />,
      label: 'pj.project',
      hint: 'pj.hint',
      element: <ProjectPage />,
    },
  ],
};
