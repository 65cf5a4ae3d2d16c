import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { eraseProfile, fetchExport, fetchMyTrust, fetchProfile, profileKeys, updateProfile } from "../api/profile";

export function useProfile() {
  return useQuery({ queryKey: profileKeys.detail, queryFn: fetchProfile });
}

export function useMyTrust() {
  return useQuery({ queryKey: profileKeys.trust, queryFn: fetchMyTrust });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (profile) => queryClient.setQueryData(profileKeys.detail, profile),
  });
}

export function useEraseProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseProfile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.detail }),
  });
}

/** Downloads the export as a file through a temporary object URL. */
export function useExportDownload(filename: string) {
  return useMutation({
    mutationFn: fetchExport,
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke later: some browsers start the download after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
