import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { noteSegments } from './noteText';
import { useMentionedUsers } from './useMentionedUsers';

/**
 * A note as written: its line breaks kept, web links clickable (opened apart from the app, with no
 * referrer), mentioned users linked to their record. Everything is rendered as text, never as HTML.
 */
export function NoteBody({ body, mentions }: { body: string; mentions: string[] }) {
  const users = useMentionedUsers(mentions);
  return (
    <Typography variant="body1" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {noteSegments(body, users).map((segment, i) => {
        if (segment.kind === 'link')
          return (
            <Link key={i} href={segment.href} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">
              {segment.text}
            </Link>
          );
        if (segment.kind === 'mention')
          return (
            <Link key={i} component={RouterLink} to={`/users/${segment.userId}`} fontWeight={700} underline="hover">
              {segment.text}
            </Link>
          );
        return <span key={i}>{segment.text}</span>;
      })}
    </Typography>
  );
}
