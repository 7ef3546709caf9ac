import { useParams, useSearchParams } from 'react-router';
import { ModuleNotFound } from '../ModuleNotFound';
import { useModule } from '../metadata/useModules';
import { usePreference } from '../preferences/usePreference';
import { useSavedLists } from '../saved-lists/savedListsApi';
import { PageLoader } from '../../shell/PageLoader';
import { ListView } from './ListView';

const columnsPreferenceKey = (module: string) => `list.${module}.columns`;

/** `/:module`: waits for what the list starts from (metadata, column choice, custom lists), then shows it. */
export function ListPage() {
  const { module: name } = useParams();
  const [search] = useSearchParams();
  const { module, isPending } = useModule(name);
  const columns = usePreference<string[]>(columnsPreferenceKey(name ?? ''));
  const lists = useSavedLists(name ?? '');
  if (!module) return <ModuleNotFound loading={isPending} />;
  // A failed read (e.g. an older server) is not a reason to hold the list back.
  if (columns.isPending || lists.isPending) return <PageLoader />;
  const listId = search.get('list');
  return (
    <ListView
      key={`${module.name}:${listId ?? ''}`}
      module={module}
      savedLists={lists.data ?? []}
      initialList={lists.data?.find((l) => l.id === listId) ?? null}
      chosenColumns={columns.value}
      saveColumns={columns.save}
    />
  );
}
