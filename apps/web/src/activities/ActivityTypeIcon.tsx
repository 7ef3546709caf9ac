import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import EventIcon from '@mui/icons-material/EventOutlined';
import MailIcon from '@mui/icons-material/MailOutline';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import PhoneIcon from '@mui/icons-material/PhoneOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';

const ICONS = { call: PhoneIcon, meeting: EventIcon, task: AssignmentIcon, email: MailIcon, letter: DescriptionIcon };

/** The icon of an activity's type (call, meeting, task, e-mail, letter). */
export function ActivityTypeIcon({ activityType, ...props }: { activityType: unknown } & SvgIconProps) {
  const Icon = ICONS[activityType as keyof typeof ICONS] ?? EventIcon;
  return <Icon {...props} />;
}
